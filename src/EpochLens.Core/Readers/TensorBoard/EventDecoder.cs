using static EpochLens.Readers.TensorBoard.ProtoReader;

namespace EpochLens.Readers.TensorBoard;

/// <summary>
/// Decodes a tensorflow.Event's scalar fields (tensorflow/core/util/event.proto, core/framework/summary.proto) from the
/// record bytes; graphs, histograms, images, audio, text, hparams and run metadata are skipped by length.
/// </summary>
internal static class EventDecoder
{
    private const int SessionStart = 1;

    /// <summary>Feeds the event's scalars to the run; false when the bytes are no well-formed Event.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> payload, RunAccumulator run, bool keepWallTime)
    {
        ulong wallBits = 0, step = 0, status = 0;
        ReadOnlySpan<byte> summary = default, sessionLog = default;
        var reader = new ProtoReader(payload);
        for (bool ok = true; reader.TryNext(out int field, out int wire, ok);)
        {
            ok = (field, wire) switch
            {
                (1, Fixed64) => reader.TryReadNumber(wire, out wallBits), // wall_time
                (2, Varint) => reader.TryReadVarint(out step),
                (3, LengthDelimited) => reader.TryReadBytes(out var version) && run.SetFileVersion(version),
                (5, LengthDelimited) => reader.TryReadBytes(out summary),
                (7, LengthDelimited) => reader.TryReadBytes(out sessionLog), // SessionLog { status = 1 (START = 1) }
                _ => reader.TrySkip(wire),
            };
        }

        if (reader.Damaged || !TryLast(sessionLog, 1, ref status)) return false;

        // As TensorBoard: the purge check comes before the event's own values are added.
        if (status == SessionStart) run.SessionStart((long)step);
        double wallTime = keepWallTime ? BitConverter.UInt64BitsToDouble(wallBits) : double.NaN;
        return TryDecodeSummary(summary, (long)step, wallTime, run);
    }

    private static bool TryDecodeSummary(ReadOnlySpan<byte> summary, long step, double wallTime, RunAccumulator run)
    {
        var reader = new ProtoReader(summary);
        for (bool ok = true; reader.TryNext(out int field, out int wire, ok);)
        {
            ok = field == 1 && wire == LengthDelimited
                ? reader.TryReadBytes(out var value) && TryDecodeValue(value, step, wallTime, run)
                : reader.TrySkip(wire);
        }

        return !reader.Damaged;
    }

    private static bool TryDecodeValue(ReadOnlySpan<byte> value, long step, double wallTime, RunAccumulator run)
    {
        ReadOnlySpan<byte> tag = default, nodeName = default, tensor = default, pluginName = default;
        bool hasSimple = false, hasTensor = false, hasMetadata = false;
        ulong simpleBits = 0;
        var reader = new ProtoReader(value);
        for (bool ok = true; reader.TryNext(out int field, out int wire, ok);)
        {
            ok = (field, wire) switch
            {
                (1, LengthDelimited) => reader.TryReadBytes(out tag),
                (2, Fixed32) => hasSimple = reader.TryReadNumber(wire, out simpleBits), // simple_value
                (7, LengthDelimited) => reader.TryReadBytes(out nodeName),
                (8, LengthDelimited) => hasTensor = reader.TryReadBytes(out tensor),
                (9, LengthDelimited) => hasMetadata = // SummaryMetadata
                    reader.TryReadBytes(out var metadata) && TryReadPluginName(metadata, out pluginName),
                _ => reader.TrySkip(wire),
            };
        }

        if (reader.Damaged) return false;

        // Histograms, images, audio: nothing to look up. TensorBoard names tag-less tensors by their node name.
        tag = tag.IsEmpty ? nodeName : tag;
        if (!(hasSimple || hasTensor || hasMetadata) || tag.IsEmpty) return true;

        var state = run.Tag(tag);
        if (hasMetadata) state.IsScalarPlugin ??= pluginName.SequenceEqual("scalars"u8);
        if (state.Builder is null) return true;

        // simple_value is a float32: TensorBoard migrates it to a DT_FLOAT tensor and reads it back as such.
        if (hasSimple) run.Add(state, step, BitConverter.UInt32BitsToSingle((uint)simpleBits), wallTime);
        if (hasSimple || !hasTensor || state.IsScalarPlugin != true) return true;

        if (TensorScalar.TryRead(tensor, out double scalar)) run.Add(state, step, scalar, wallTime);
        else run.NonScalarTensor(state);
        return true;
    }

    /// <summary>SummaryMetadata.plugin_data.plugin_name (fields 1 and 1): the last, as protobuf merges.</summary>
    private static bool TryReadPluginName(ReadOnlySpan<byte> metadata, out ReadOnlySpan<byte> pluginName)
    {
        pluginName = default;
        var reader = new ProtoReader(metadata);
        for (bool ok = true; reader.TryNext(out int field, out int wire, ok);)
        {
            ok = field == 1 && wire == LengthDelimited
                ? reader.TryReadBytes(out var pluginData) && TryLast(pluginData, 1, ref pluginName)
                : reader.TrySkip(wire);
        }

        return !reader.Damaged;
    }
}
