namespace EpochLens.Bench.Fuzz;

/// <summary>How one run of the CLI ended. Everything but <see cref="Ok"/> and <see cref="InputError"/> is a defect.</summary>
internal enum Outcome
{
    /// <summary>Exit 0 (or 1, a finding at the --fail-on threshold): the input was read.</summary>
    Ok,

    /// <summary>Exit 2 with a message on standard error and nothing on standard output: a clear refusal.</summary>
    InputError,

    /// <summary>Exit 2 without a message on standard error, or with output on standard output.</summary>
    ErrorMisrouted,

    /// <summary>Exit 4: the tool caught a bug of its own.</summary>
    InternalError,

    /// <summary>Any other exit: 3 (out of memory, the machine), a signal, a runtime abort.</summary>
    UnexpectedExit,

    /// <summary>Still running at the time limit: killed.</summary>
    Hang,

    /// <summary>A raw control character (ESC, BEL, CR, C1, ...) on standard output or standard error.</summary>
    ControlCharacter,

    /// <summary>Peak resident memory over the limit.</summary>
    MemoryOver,

    /// <summary>The fuzzer could not write the case (not a defect of the tool; counted so that none goes unseen).</summary>
    NotRun,
}
