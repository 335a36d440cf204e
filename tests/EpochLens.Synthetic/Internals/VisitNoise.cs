namespace EpochLens.Synthetic.Internals;

/// <summary>The noise of each visit: Gaussian logit noise, optionally partly AR(1) over steps, and a Student-t loss factor.</summary>
internal sealed class VisitNoise
{
    /// <summary>Keeps a Student-t loss factor finite: e^6 is about 400 times the loss.</summary>
    private const double MaxLogFactor = 6;

    private readonly NoiseModel _model;
    private readonly RandomStream _visit;
    private readonly RandomStream _extra;
    private readonly double _ownWeight;
    private readonly double _sharedWeight;
    private readonly double _innovation;
    private double _shared;

    public VisitNoise(NoiseModel model, RandomStream visit, RandomStream extra)
    {
        _model = model;
        _visit = visit;
        _extra = extra;
        bool ar = model.Kind == NoiseKind.Autoregressive;
        _ownWeight = ar ? Math.Sqrt(1 - model.ArShare) : 1;
        _sharedWeight = ar ? Math.Sqrt(model.ArShare) : 0;
        _innovation = Math.Sqrt(1 - (model.ArCoefficient * model.ArCoefficient));
        _shared = ar ? extra.Gaussian() : 0;
    }

    /// <summary>Moves the shared AR(1) part on by one step.</summary>
    public void NextStep()
    {
        if (_model.Kind == NoiseKind.Autoregressive)
        {
            _shared = (_model.ArCoefficient * _shared) + (_innovation * _extra.Gaussian());
        }
    }

    /// <summary>One visit's logit noise with standard deviation <paramref name="sigma"/>.</summary>
    public double Logit(double sigma) => sigma * ((_ownWeight * _visit.Gaussian()) + (_sharedWeight * _shared));

    /// <summary>One visit's factor on its loss (1 unless the noise is Student-t).</summary>
    public double LossFactor() => _model.Kind == NoiseKind.StudentT
        ? Math.Exp(Math.Clamp(_model.StudentScale * _extra.StudentT(_model.StudentDf), -MaxLogFactor, MaxLogFactor))
        : 1;
}
