namespace EpochLens.Readers.TensorBoard;

/// <summary>
/// Decodes the few fields of a tensorflow.Event that carry scalars, straight from the record bytes.
/// Field numbers from tensorflow/core/util/event.proto and core/framework/summary.proto:
/// Event { double wall_time = 1; int64 step = 2; oneof { string file_version = 3; bytes graph_def = 4;
/// Summary summary = 5; LogMessage log_message = 6; SessionLog session_log = 7; ... } }
/// Summary { repeated Value value = 1; } Value { string node_name = 7; string tag = 1;
/// SummaryMetadata metadata = 9; oneof { float simple_value = 2; ... HistogramProto histo = 5; ...
/// TensorProto tensor = 8; } } SummaryMetadata { PluginData plugin_data = 1 { string plugin_name = 1; } }
/// SessionLog { SessionStatus status = 1 (START = 1); }.
/// Everything else (graphs, histograms, images, audio, text, hparams, run metadata) is skipped by length.
/// </summary>
internal static class EventDecoder
{
    private const int SessionStart = 1;

    private static ReadOnlySpan<byte> ScalarsPlugin => "scalars"u8;

    /// <summary>Feeds the event's scalars to the run; false when the bytes are not a well-formed Event.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> payload, RunAccumulator run, bool keepWallTime)
    {
        double wallTime = 0;
        long step = 0;
        ReadOnlySpan<byte> summary = default, sessionLog = default;
        bool hasSummary = false, hasSessionLog = false;
        var reader = new ProtoReader(payload);
        while (reader.TryNext(out int field, out int wire))
        {
            bool ok;
            switch (field, wire)
            {
                case (1, ProtoReader.Fixed64):
                    ok = reader.TryReadFixed64(out ulong bits);
                    wallTime = BitConverter.UInt64BitsToDouble(bits);
                    break;
                case (2, ProtoReader.Varint):
                    ok = reader.TryReadVarint(out ulong rawStep);
                    step = (long)rawStep;
                    break;
                case (3, ProtoReader.LengthDelimited):
                    ok = reader.TryReadBytes(out var version);
                    if (ok)
                    {
                        run.SetFileVersion(version);
                    }

                    break;
                case (5, ProtoReader.LengthDelimited):
                    ok = hasSummary = reader.TryReadBytes(out summary);
                    break;
                case (7, ProtoReader.LengthDelimited):
                    ok = hasSessionLog = reader.TryReadBytes(out sessionLog);
                    break;
                default:
                    ok = reader.TrySkip(wire);
                    break;
            }

            if (!ok)
            {
                return false;
            }
        }

        if (reader.Damaged)
        {
            return false;
        }

        // As TensorBoard: the purge check comes before the event's own values are added.
        if (hasSessionLog)
        {
            if (!TryReadStatus(sessionLog, out ulong status))
            {
                return false;
            }

            if (status == SessionStart)
            {
                run.SessionStart(step);
            }
        }

        return !hasSummary || TryDecodeSummary(summary, step, keepWallTime ? wallTime : double.NaN, run);
    }

    private static bool TryReadStatus(ReadOnlySpan<byte> sessionLog, out ulong status)
    {
        status = 0;
        var reader = new ProtoReader(sessionLog);
        while (reader.TryFind(1, ProtoReader.Varint))
        {
            if (!reader.TryReadVarint(out status))
            {
                return false;
            }
        }

        return !reader.Damaged;
    }

    private static bool TryDecodeSummary(ReadOnlySpan<byte> summary, long step, double wallTime, RunAccumulator run)
    {
        var reader = new ProtoReader(summary);
        while (reader.TryFind(1, ProtoReader.LengthDelimited))
        {
            if (!reader.TryReadBytes(out var value) || !TryDecodeValue(value, step, wallTime, run))
            {
                return false;
            }
        }

        return !reader.Damaged;
    }

    private static bool TryDecodeValue(ReadOnlySpan<byte> value, long step, double wallTime, RunAccumulator run)
    {
        ReadOnlySpan<byte> tag = default, nodeName = default, tensor = default, pluginName = default;
        bool hasSimple = false, hasTensor = false, hasMetadata = false;
        float simple = 0;
        var reader = new ProtoReader(value);
        while (reader.TryNext(out int field, out int wire))
        {
            bool ok;
            switch (field, wire)
            {
                case (1, ProtoReader.LengthDelimited):
                    ok = reader.TryReadBytes(out tag);
                    break;
                case (2, ProtoReader.Fixed32):
                    ok = hasSimple = reader.TryReadFixed32(out uint bits);
                    simple = BitConverter.UInt32BitsToSingle(bits);
                    break;
                case (7, ProtoReader.LengthDelimited):
                    ok = reader.TryReadBytes(out nodeName);
                    break;
                case (8, ProtoReader.LengthDelimited):
                    ok = hasTensor = reader.TryReadBytes(out tensor);
                    break;
                case (9, ProtoReader.LengthDelimited):
                    ok = hasMetadata = reader.TryReadBytes(out var metadata) && TryReadPluginName(metadata, out pluginName);
                    break;
                default:
                    ok = reader.TrySkip(wire);
                    break;
            }

            if (!ok)
            {
                return false;
            }
        }

        if (reader.Damaged)
        {
            return false;
        }

        if (!hasSimple && !hasTensor && !hasMetadata)
        {
            return true; // a histogram, image or audio value: nothing to look up
        }

        // TensorBoard names tag-less (old plugin-asset) tensor summaries by their node name.
        if (tag.IsEmpty)
        {
            tag = nodeName;
        }

        if (tag.IsEmpty)
        {
            return true;
        }

        var state = run.Tag(tag);
        if (hasMetadata && state.IsScalarPlugin is null)
        {
            state.IsScalarPlugin = pluginName.SequenceEqual(ScalarsPlugin);
        }

        if (state.Builder is null)
        {
            return true;
        }

        if (hasSimple)
        {
            // simple_value is a float32: TensorBoard migrates it to a DT_FLOAT tensor and reads it back as such.
            run.Add(state, step, simple, wallTime);
        }
        else if (hasTensor && state.IsScalarPlugin == true)
        {
            if (TensorScalar.TryRead(tensor, out double scalar))
            {
                run.Add(state, step, scalar, wallTime);
            }
            else
            {
                run.NonScalarTensor(state);
            }
        }

        return true;
    }

    private static bool TryReadPluginName(ReadOnlySpan<byte> metadata, out ReadOnlySpan<byte> pluginName)
    {
        // SummaryMetadata.plugin_data = 1 { string plugin_name = 1; }
        pluginName = default;
        var reader = new ProtoReader(metadata);
        while (reader.TryFind(1, ProtoReader.LengthDelimited))
        {
            if (!reader.TryReadBytes(out var pluginData))
            {
                return false;
            }

            var inner = new ProtoReader(pluginData);
            while (inner.TryFind(1, ProtoReader.LengthDelimited))
            {
                if (!inner.TryReadBytes(out pluginName))
                {
                    return false;
                }
            }

            if (inner.Damaged)
            {
                return false;
            }
        }

        return !reader.Damaged;
    }
}
