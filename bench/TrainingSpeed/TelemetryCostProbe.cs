using System.Diagnostics;
using System.Reflection;
using EpochLens.Telemetry;
using EpochLens.Torch.Data;
using EpochLens.Torch.Model;
using EpochLens.Torch.Telemetry;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EpochLens.Bench.TrainingSpeed;

/// <summary>
/// Times each part of the per-step telemetry on its own, against a plain training step, to show where
/// the overhead goes. The parts repeat the calls <see cref="TelemetryRecorder"/> and
/// <see cref="TelemetryWriter"/> make per step (the recorder's helpers are private, so their calls are
/// copied here), plus cheaper alternatives worth considering.
/// </summary>
internal static class TelemetryCostProbe
{
    private const int Repeats = 3;

    // Keeps a value alive so the JIT cannot drop the call that made it.
    private static object? _kept;

    public static void Run(ImageDataSplit data, BenchOptions o, TextWriter w)
    {
        int n = o.Steps;
        torch.set_num_threads(o.Threads);
        torch.manual_seed(1);
        using var model = new SeedCnn();
        var parameters = model.parameters().ToArray();
        using var optimizer = torch.optim.Adam(model.parameters(), 1e-5);
        var (images, labels) = Tensors(data.Train, n);
        using var _ = images;
        using var __ = labels;
        var order = Enumerable.Range(0, n).ToArray();
        new Random(1).Shuffle(order);

        void TrainStep(int i)
        {
            using var scope = NewDisposeScope();
            var loss = nn.functional.cross_entropy(model.forward(images.narrow(0, order[i], 1)), labels.narrow(0, order[i], 1));
            loss.backward();
            optimizer.step();
            optimizer.zero_grad();
            loss.item<float>();
        }

        // Leave gradients and Adam state in place, as they are when the recorder runs after optimizer.step().
        TrainStep(0);
        // PyTorch 1.13's zero_grad zero-fills; a default that drops the gradients instead does less work per step.
        var zeroGrad = parameters.All(p =>
        {
            using var grad = p.grad;
            return grad is null;
        }) ? "drops the gradients (set to none)" : "zero-fills the gradients";
        {
            using var scope = NewDisposeScope();
            nn.functional.cross_entropy(model.forward(images.narrow(0, 0, 1)), labels.narrow(0, 0, 1)).backward();
        }

        using var loss = nn.functional.cross_entropy(model.forward(images.narrow(0, 1, 1)), labels.narrow(0, 1, 1)).detach();
        var previous = Flat(parameters);
        var snapshots = parameters.Select(p => p.detach().clone()).ToArray();
        Tensor[] buffers = [Flat(parameters), Flat(parameters)];
        var segment = new ArraySegment<int>(order, 5, 1);
        var folder = Path.Combine(Path.GetTempPath(), "epochlens-bench-probe-" + Guid.NewGuid().ToString("N"));
        var record = new StepRecord(123456, 2, 1234, 1, 0.6931471824645996, 0.6931471824645996, 1e-5, 3.4567890123, 0.0012345678901, 123457, [4321]);
        try
        {
            using var both = new TelemetryWriter(Path.Combine(folder, "both"));
            using var csv = new TelemetryWriter(Path.Combine(folder, "csv"), TelemetryFormat.Csv);
            using var jsonl = new TelemetryWriter(Path.Combine(folder, "jsonl"), TelemetryFormat.JsonLines);
            using var nullRecorder = new TelemetryRecorder(new NullSink(), model);
            using var writerRecorder = new TelemetryRecorder(both, model);

            var step = Time(n, TrainStep);
            var parts = new List<(string Part, double Micros)>
            {
                ("RecordStep, whole (null sink)", Time(n, _ => InScope(() => nullRecorder.RecordStep(0, 0, segment, loss, optimizer)))),
                ("RecordStep, whole (TelemetryWriter, CSV+JSONL)", Time(n, _ => InScope(() => writerRecorder.RecordStep(0, 0, segment, loss, optimizer)))),
                ("  loss.item()", Time(n, _ => loss.item<float>())),
                ("  learning rate (ParamGroups.First())", Time(n, i => Keep(optimizer.ParamGroups.First().LearningRate))),
                ("  optimizer step counter (state_dict() + reflection)", Time(n, _ => StepCounter(optimizer))),
                ("  sample ids (boxed ArraySegment -> ToArray)", Time(n, i => Keep(((IReadOnlyList<int>)segment).ToArray()))),
                ("  no_grad + dispose scope", Time(n, _ => InScope(() => { }))),
                ("  grad norm: clip_grad_norm_(params, inf)", Time(n, _ => InScope(() => nn.utils.clip_grad_norm_(parameters, double.PositiveInfinity)))),
                ("  update norm: flat cat copy + dist + item", Time(n, _ => previous = UpdateNorm(parameters, previous))),
                ("  TelemetryWriter.Write, CSV + JSONL", Time(n, _ => both.Write(record))),
                ("  TelemetryWriter.Write, CSV only", Time(n, _ => csv.Write(record))),
                ("  TelemetryWriter.Write, JSONL only", Time(n, _ => jsonl.Write(record))),
                ("alt: grad norm as one stacked vector_norm per grad + item", Time(n, _ => InScope(() => GradNorm(parameters)))),
                ("alt: grad norm as sqrt of summed per-grad dot(g, g) + item", Time(n, _ => InScope(() => GradNormDot(parameters)))),
                ("alt: update norm per parameter into kept snapshots (sub, norm, copy_)", Time(n, _ => InScope(() => UpdateNormInPlace(parameters, snapshots)))),
                ("alt: update norm, copy_ into a preallocated flat buffer + dist + item", Time(n, _ => InScope(() => UpdateNormPreallocated(parameters, buffers)))),
                ("floor: one vector_norm over a flat tensor of all weights + item", Time(n, _ => InScope(() => linalg.vector_norm(buffers[0]).item<float>()))),
                ("floor: one dist between two flat tensors + item", Time(n, _ => InScope(() => dist(buffers[0], buffers[1]).item<float>()))),
                ("floor: one copy_ of a flat tensor of all weights", Time(n, _ => buffers[1].copy_(buffers[0]))),
            };

            // In the loop the parts compete with the step for the caches, so they cost more than alone.
            var inLoop = new List<(string Part, double Micros)>
            {
                ("in the loop: RecordStep, whole (null sink)", InLoop(n, TrainStep, () => InScope(() => nullRecorder.RecordStep(0, 0, segment, loss, optimizer)))),
                ("in the loop: grad norm, clip_grad_norm_", InLoop(n, TrainStep, () => InScope(() => nn.utils.clip_grad_norm_(parameters, double.PositiveInfinity)))),
                ("in the loop: update norm, flat cat copy + dist + item", InLoop(n, TrainStep, () => previous = UpdateNorm(parameters, previous))),
            };
            parts.AddRange(inLoop);

            w.WriteLine();
            w.WriteLine($"Telemetry cost probe: each part alone, best of {Repeats} x {n} calls, {o.Threads} thread(s)");
            w.WriteLine($"(TorchSharp's optimizer.zero_grad() here {zeroGrad})");
            w.WriteLine($"{"part",-72} {"us/step",8} {"% of step",9}");
            w.WriteLine($"{"training step without telemetry (reference)",-72} {step,8:F1} {100.0,8:F1}%");
            foreach (var (part, micros) in parts)
            {
                w.WriteLine($"{part,-72} {micros,8:F1} {100 * micros / step,8:F1}%");
            }
        }
        finally
        {
            previous.Dispose();
            foreach (var s in snapshots.Concat(buffers))
            {
                s.Dispose();
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Keep(object value) => _kept = value;

    /// <summary>Microseconds per call: the best of several passes, so another process's burst does not count.</summary>
    private static double Time(int n, Action<int> body)
    {
        for (int i = 0; i < Math.Min(n, 200); i++)
        {
            body(i);
        }

        double best = double.PositiveInfinity;
        for (int r = 0; r < Repeats; r++)
        {
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < n; i++)
            {
                body(i);
            }

            best = Math.Min(best, clock.Elapsed.TotalMicroseconds / n);
        }

        return best;
    }

    /// <summary>
    /// Extra microseconds per training step that <paramref name="part"/> adds when it runs after every step:
    /// blocks of steps with and without it alternate, so load from other processes hits both, and the
    /// medians of the block times are compared.
    /// </summary>
    private static double InLoop(int n, Action<int> step, Action part)
    {
        const int block = 100;
        var with = new List<double>();
        var without = new List<double>();
        for (int start = 0; start + block <= n * 2; start += block)
        {
            bool withPart = (start / block) % 2 == 1;
            var clock = Stopwatch.StartNew();
            for (int i = start; i < start + block; i++)
            {
                step(i % n);
                if (withPart)
                {
                    part();
                }
            }

            (withPart ? with : without).Add(clock.Elapsed.TotalMicroseconds / block);
        }

        return Spread.Of(with).Median - Spread.Of(without).Median;
    }

    // The recorder runs inside the trainer's per-step dispose scope, with gradients off.
    private static void InScope(Action body)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        body();
    }

    private static (Tensor Images, Tensor Labels) Tensors(LabeledImages set, int count)
    {
        var side = set.PixelsPerImage;
        var pixels = new float[count * side];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = ((set.Pixels[i] / 255f) - 0.2860f) / 0.3530f;
        }

        var labels = set.Labels.Take(count).Select(l => (long)l).ToArray();
        return (tensor(pixels, [count, 1, set.Rows, set.Columns]), tensor(labels, [count]));
    }

    private static Tensor Flat(Parameter[] parameters)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return cat(parameters.Select(p => p.detach().reshape(-1)).ToArray()).DetachFromDisposeScope();
    }

    // As TelemetryRecorder.UpdateNormTensor: a new flat copy each step, its distance to the last one.
    private static Tensor UpdateNorm(Parameter[] parameters, Tensor previous)
    {
        using var noGrad = no_grad();
        var now = Flat(parameters);
        using (var distance = dist(now, previous))
        {
            distance.item<float>();
        }

        previous.Dispose();
        return now;
    }

    private static double GradNorm(Parameter[] parameters)
    {
        var norms = parameters.Where(p => p.grad is not null).Select(p => linalg.vector_norm(p.grad!)).ToArray();
        return linalg.vector_norm(stack(norms)).item<float>();
    }

    private static double GradNormDot(Parameter[] parameters)
    {
        double sum = 0;
        foreach (var p in parameters)
        {
            var g = p.grad!.reshape(-1);
            sum += dot(g, g).item<float>();
        }

        return Math.Sqrt(sum);
    }

    // Two flat buffers made once; each step copies the parameters into the older one and swaps.
    private static double UpdateNormPreallocated(Parameter[] parameters, Tensor[] buffers)
    {
        long offset = 0;
        foreach (var p in parameters)
        {
            buffers[1].narrow(0, offset, p.numel()).copy_(p.detach().reshape(-1));
            offset += p.numel();
        }

        var norm = dist(buffers[1], buffers[0]).item<float>();
        (buffers[0], buffers[1]) = (buffers[1], buffers[0]);
        return norm;
    }

    private static double UpdateNormInPlace(Parameter[] parameters, Tensor[] snapshots)
    {
        var squares = new Tensor[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            squares[i] = linalg.vector_norm(parameters[i].sub(snapshots[i])).square();
            snapshots[i].copy_(parameters[i]);
        }

        return stack(squares).sum().sqrt().item<float>();
    }

    // As OptimizerStepCounter.Read (internal to EpochLens.Torch).
    private static long StepCounter(OptimizerHelper optimizer)
    {
        long steps = -1;
        foreach (var state in optimizer.state_dict().State)
        {
            if (state.GetType().GetField("step", BindingFlags.Public | BindingFlags.Instance)?.GetValue(state) is long value)
            {
                steps = Math.Max(steps, value);
            }
        }

        return steps;
    }
}
