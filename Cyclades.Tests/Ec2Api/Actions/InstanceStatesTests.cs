using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Logic.Servers;

namespace Cyclades.Tests.Ec2Api.Actions;

[Category("Unit")]
public sealed class InstanceStatesTests
{
    [TestCase(OperState.Build, null, "pending", 0)]
    [TestCase(OperState.Build, ServerAction.Build, "pending", 0)]
    [TestCase(OperState.Build, ServerAction.Destroy, "shutting-down", 32)]
    [TestCase(OperState.Started, null, "running", 16)]
    [TestCase(OperState.Started, ServerAction.Stop, "stopping", 64)]
    [TestCase(OperState.Started, ServerAction.Reboot, "running", 16)]
    [TestCase(OperState.Started, ServerAction.Destroy, "shutting-down", 32)]
    [TestCase(OperState.Stopped, null, "stopped", 80)]
    [TestCase(OperState.Stopped, ServerAction.Start, "pending", 0)]
    [TestCase(OperState.Stopped, ServerAction.Reboot, "pending", 0)]
    [TestCase(OperState.Stopped, ServerAction.Resize, "stopped", 80)]
    [TestCase(OperState.Stopped, ServerAction.Destroy, "shutting-down", 32)]
    [TestCase(OperState.Error, null, "terminated", 48)]
    [TestCase(OperState.Error, ServerAction.Destroy, "shutting-down", 32)]
    [TestCase(OperState.Destroyed, null, "terminated", 48)]
    [TestCase(OperState.Destroyed, ServerAction.Destroy, "terminated", 48)]
    public void Operstate_and_task_make_the_ec2_state(OperState operState, ServerAction? task, string name, int code) =>
        Assert.That(InstanceStates.Of(operState, task), Is.EqualTo(new InstanceStateItem(code, name)));

    [TestCase(OperState.Build, ServerAction.Build)]
    [TestCase(OperState.Error, null)]
    [TestCase(OperState.Stopped, null)]
    public void A_destroy_request_shows_shutting_down(OperState operState, ServerAction? task) =>
        Assert.That(InstanceStates.Of(operState, task, destroyRequested: true), Is.EqualTo(InstanceStates.ShuttingDown));

    [TestCase(OperState.Build, "pending")]
    [TestCase(OperState.Started, "pending")]
    [TestCase(OperState.Error, "terminated")]
    [TestCase(OperState.Destroyed, "terminated")]
    public void Run_instances_answers_a_server_a_fast_cluster_already_built_as_pending(OperState operState, string name) =>
        Assert.That(InstanceStates.JustLaunched(InstanceStates.Of(operState, null)).Name, Is.EqualTo(name));

    [Test]
    public void Filtering_by_a_state_selects_exactly_the_combinations_shown_in_it()
    {
        ServerAction?[] tasks = [null, .. Enum.GetValues<ServerAction>()];
        foreach (var state in InstanceStates.All)
        {
            var matches = InstanceStates.Matching(s => s == state);
            foreach (var operState in Enum.GetValues<OperState>())
            {
                foreach (var task in tasks)
                {
                    foreach (var requested in new[] { false, true })
                    {
                        var selected = matches.Any(m => m.OperState == operState && (m.AnyTask || (m.Task == task && m.DestroyRequested == requested)));
                        Assert.That(selected, Is.EqualTo(InstanceStates.Of(operState, task, requested) == state),
                            $"{state.Name}: {operState}/{task}{(requested ? " with a destroy request" : "")}");
                    }
                }
            }
        }
    }

    [Test]
    public void A_state_no_combination_has_selects_nothing() =>
        Assert.That(InstanceStates.Matching(_ => false), Is.Empty);

    [Test]
    public void Tasks_are_named_as_synnefo_names_them() =>
        Assert.That(Enum.GetValues<ServerAction>().Select(InstanceStates.TaskState),
            Is.EqualTo(new[] { "BUILDING", "STARTING", "STOPPING", "REBOOTING", "RESIZING", "DESTROYING", "EXPORTING", "ATTACHING_VOLUME", "DETACHING_VOLUME", "GROWING_VOLUME", "CONNECTING_PORT", "DISCONNECTING_PORT" }));
}
