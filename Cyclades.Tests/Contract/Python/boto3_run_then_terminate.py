"""run_instances and, at once, terminate_instances of what it launched, in one boto3 process (as a
test's teardown or a rolled-back deployment does): nothing between the two calls but boto3 itself.

stdin: {"endpoint", "key", "secret", "region", "params"} (params: run_instances's)
stdout: {"result": {"run": {...}, "terminate": {...}}} or {"error": {...}} (boto3_call.py's shape)
"""
import json
import sys

from botocore.exceptions import ClientError

from boto3_call import client_for, error_of

request = json.load(sys.stdin)
client = client_for(request)
try:
    run = client.run_instances(**request["params"])
    terminate = client.terminate_instances(InstanceIds=[i["InstanceId"] for i in run["Instances"]])
    print(json.dumps({"result": {"run": run, "terminate": terminate}}, default=str))
except ClientError as e:
    print(json.dumps(error_of(e)))
