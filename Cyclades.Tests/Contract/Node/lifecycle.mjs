// The JS SDK v3 (@aws-sdk/client-ec2) as a Node user drives an instance's life, against the endpoint in
// CYCLADES_ENDPOINT with the keys in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY: RunInstances,
// waitUntilInstanceRunning, paginateDescribeInstances with filters, TerminateInstances,
// waitUntilInstanceTerminated. Prints one JSON document with what each step answered; an SDK error
// is printed as {"error": {...}} with exit code 1. Run by Cyclades.Tests (JsSdkContractTests).
import {
  EC2Client,
  RunInstancesCommand,
  TerminateInstancesCommand,
  paginateDescribeInstances,
  waitUntilInstanceRunning,
  waitUntilInstanceTerminated,
} from "@aws-sdk/client-ec2";

const env = (name, fallback) => process.env[name] ?? fallback;
const client = new EC2Client({
  endpoint: env("CYCLADES_ENDPOINT"),
  region: env("AWS_REGION", "us-east-1"),
  maxAttempts: 1,
});
const count = Number(env("CYCLADES_COUNT", "6"));
const run = env("CYCLADES_RUN");
// The simulator's jobs take milliseconds: poll every second, not the SDK's default 15 s.
const waiter = { client, minDelay: 1, maxDelay: 2, maxWaitTime: Number(env("CYCLADES_MAX_WAIT_SECONDS", "90")) };

async function instances(filters, pageSize) {
  const pages = [];
  for await (const page of paginateDescribeInstances({ client, pageSize }, { Filters: filters })) {
    pages.push(page.Reservations.flatMap((r) => r.Instances));
  }
  return {
    pages: pages.map((p) => p.length),
    instances: pages.flat().map((i) => ({
      id: i.InstanceId,
      state: i.State?.Name,
      type: i.InstanceType,
      zone: i.Placement?.AvailabilityZone,
      privateIp: i.PrivateIpAddress,
      launchTime: i.LaunchTime?.toISOString(),
      tags: Object.fromEntries((i.Tags ?? []).map((t) => [t.Key, t.Value])),
    })),
  };
}

const states = (changes) => changes.map((c) => ({ id: c.InstanceId, previous: c.PreviousState?.Name, current: c.CurrentState?.Name }));

try {
  const reservation = await client.send(new RunInstancesCommand({
    ImageId: env("CYCLADES_IMAGE", "ami-00000001"),
    InstanceType: env("CYCLADES_TYPE", "t2.micro"),
    MinCount: count,
    MaxCount: count,
    TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "run", Value: run }, { Key: "Name", Value: "js-sdk" }] }],
  }));
  const ids = reservation.Instances.map((i) => i.InstanceId);
  const launched = reservation.Instances.map((i) => ({ id: i.InstanceId, state: i.State?.Name }));

  const running = await waitUntilInstanceRunning(waiter, { InstanceIds: ids });
  const found = await instances([
    { Name: "instance-state-name", Values: ["running"] },
    { Name: `tag:run`, Values: [run] },
  ], 5);
  const none = await instances([
    { Name: "instance-state-name", Values: ["stopped"] },
    { Name: `tag:run`, Values: [run] },
  ], 5);

  const terminating = await client.send(new TerminateInstancesCommand({ InstanceIds: ids }));
  const terminated = await waitUntilInstanceTerminated(waiter, { InstanceIds: ids });
  const after = await instances([{ Name: `tag:run`, Values: [run] }], 1000);

  console.log(JSON.stringify({
    reservationId: reservation.ReservationId,
    launched,
    running: running.state,
    found,
    stoppedFound: none,
    terminating: states(terminating.TerminatingInstances),
    terminated: terminated.state,
    after,
  }));
} catch (e) {
  console.log(JSON.stringify({ error: { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode, state: e.state, reason: e.reason } }));
  process.exitCode = 1;
}
