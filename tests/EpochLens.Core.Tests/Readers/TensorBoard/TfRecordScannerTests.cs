using System.Text;
using EpochLens.Readers.TensorBoard;

namespace EpochLens.Core.Tests.Readers.TensorBoard;

/// <summary>The scanner's bounds on damaged input: how far it reads before giving up.</summary>
public sealed class TfRecordScannerTests
{
    [Fact]
    public void A_stream_that_does_not_start_with_a_frame_is_not_scanned()
    {
        // Text named as an event file, gzipped to gigabytes, was scanned a byte at a time to the decompression
        // limit and hung (fuzz seed 1, case 2025): no frame at the start means no event file.
        using var text = new RepeatingStream(Encoding.ASCII.GetBytes("loss\n0.5\n"), 1L << 30);
        var scanner = new TfRecordScanner(text);

        Assert.Equal(RecordStatus.FramingLost, scanner.Next());
        Assert.True(scanner.BytesRead <= 1 << 20, $"{scanner.BytesRead} bytes read");
    }

    [Fact]
    public void Garbage_after_a_record_is_scanned_for_at_most_64_MiB()
    {
        using var memory = new MemoryStream();
        using (var writer = new EventFileWriter(memory))
        {
            writer.WriteFileVersion();
            memory.Flush();
            var record = memory.ToArray();
            using var input = new ConcatenatedStream(record, new RepeatingStream([0x5A], 1L << 30));
            var scanner = new TfRecordScanner(input);

            Assert.Equal(RecordStatus.Record, scanner.Next());
            Assert.Equal(RecordStatus.FramingLost, scanner.Next());
            Assert.InRange(scanner.SkippedBytes, 64L << 20, 65L << 20);
            Assert.Equal(RecordStatus.End, scanner.Next());
            Assert.True(scanner.BytesRead < 80L << 20, $"{scanner.BytesRead} bytes read");
        }
    }

    /// <summary>A pattern repeated to a length, without holding it.</summary>
    private sealed class RepeatingStream(byte[] pattern, long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = (int)Math.Min(count, length - _position);
            for (int i = 0; i < n; i++)
            {
                buffer[offset + i] = pattern[(_position + i) % pattern.Length];
            }

            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Bytes first, then a stream.</summary>
    private sealed class ConcatenatedStream(byte[] first, Stream then) : Stream
    {
        private int _taken;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_taken < first.Length)
            {
                int n = Math.Min(count, first.Length - _taken);
                Array.Copy(first, _taken, buffer, offset, n);
                _taken += n;
                return n;
            }

            return then.Read(buffer, offset, count);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                then.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
