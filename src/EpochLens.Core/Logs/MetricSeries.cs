namespace EpochLens.Logs;

/// <summary>
/// One metric of a training log: values at increasing steps. Steps are strictly increasing after reading
/// (readers resolve restarts and duplicates and report them). Non-finite values are kept: a NaN loss is
/// evidence, never silently dropped.
/// </summary>
public sealed class MetricSeries
{
    private readonly long[] _steps;
    private readonly double[] _values;
    private readonly double[]? _wallTimes;

    /// <param name="name">The name as the log spells it (tag, column or key).</param>
    /// <param name="steps">Strictly increasing steps.</param>
    /// <param name="values">One value per step.</param>
    /// <param name="wallTimes">Seconds since the Unix epoch per step, when the log has them.</param>
    /// <param name="role">What the series measures, when known.</param>
    /// <param name="averaging">How each value was averaged, when known.</param>
    public MetricSeries(string name, long[] steps, double[] values, double[]? wallTimes = null, SeriesRole role = SeriesRole.Other, ValueAveraging? averaging = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(values);
        if (steps.Length != values.Length || (wallTimes is not null && wallTimes.Length != steps.Length))
            throw new ArgumentException($"series '{name}': {steps.Length} steps but {values.Length} values{(wallTimes is null ? "" : $" and {wallTimes.Length} wall times")}");

        for (int i = 1; i < steps.Length; i++)
        {
            if (steps[i] <= steps[i - 1])
                throw new ArgumentException($"series '{name}': steps must increase, but step {steps[i]} follows {steps[i - 1]} at index {i}");
        }

        Name = name;
        _steps = steps;
        _values = values;
        _wallTimes = wallTimes;
        Role = role;
        Averaging = averaging ?? ValueAveraging.Unknown;
    }

    public string Name { get; }

    public SeriesRole Role { get; }

    public ValueAveraging Averaging { get; }

    public int Count => _steps.Length;

    public ReadOnlySpan<long> Steps => _steps;

    public ReadOnlySpan<double> Values => _values;

    /// <summary>Seconds since the Unix epoch per point, or empty when the log has no wall times.</summary>
    public ReadOnlySpan<double> WallTimes => _wallTimes;

    public bool HasWallTimes => _wallTimes is not null;

    /// <summary>Points whose value is NaN or infinite.</summary>
    public int NonFiniteCount
    {
        get
        {
            int count = 0;
            foreach (var v in _values)
            {
                if (!double.IsFinite(v)) count++;
            }

            return count;
        }
    }

    /// <summary>The same points under another role or averaging (a reader that learns more later).</summary>
    public MetricSeries With(SeriesRole? role = null, ValueAveraging? averaging = null) =>
        new(Name, _steps, _values, _wallTimes, role ?? Role, averaging ?? Averaging);

    /// <summary>
    /// The same points with every step moved by <paramref name="offset"/> (values shared, not copied); the caller
    /// makes sure no step leaves the 64-bit range.
    /// </summary>
    public MetricSeries WithStepsShifted(long offset)
    {
        var steps = new long[_steps.Length];
        for (int i = 0; i < steps.Length; i++) steps[i] = _steps[i] + offset;

        return new(Name, steps, _values, _wallTimes, Role, Averaging);
    }

    public override string ToString() => $"{Name} ({Count} points, {Role})";
}
