using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using TorchSharp.Modules;

namespace EpochLens.Torch.Telemetry;

/// <summary>
/// Reads an optimizer's own step counter (Adam's bias-correction step), which restarts when the
/// optimizer is rebuilt: direct evidence for the optimizer-reset cause.
/// </summary>
internal static class OptimizerStepCounter
{
    // TorchSharp's optimizer states keep the counter in a public field named "step" (Adam, AdamW, ...).
    private static readonly ConcurrentDictionary<Type, FieldInfo?> StepFields = new();

    // An optimizer's state objects live as long as it does; a rebuilt optimizer is a new key.
    private static readonly ConditionalWeakTable<OptimizerHelper, OptimizerState[]> States = new();

    /// <summary>The largest per-parameter step count, 0 before the first step, or -1 when the optimizer keeps none.</summary>
    public static long Read(OptimizerHelper optimizer)
    {
        long steps = -1;
        foreach (var state in States.GetValue(optimizer, static o => [.. o.state_dict().State]))
        {
            var field = StepFields.GetOrAdd(state.GetType(), static t => t.GetField("step", BindingFlags.Public | BindingFlags.Instance));
            if (field?.GetValue(state) is long value) steps = Math.Max(steps, value);
        }

        return steps;
    }
}
