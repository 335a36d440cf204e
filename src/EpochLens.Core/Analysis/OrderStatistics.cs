using System.Numerics;

namespace EpochLens.Analysis;

/// <summary>Order statistics in place, without sorting: the one selection every median and quantile in the analysis uses.</summary>
internal static class OrderStatistics
{
    /// <summary>
    /// The k-th smallest value (0-based) of <paramref name="values"/>, which it reorders so that no value before k
    /// is larger. The values must not contain NaN (which orders against nothing).
    /// </summary>
    public static T Select<T>(Span<T> values, int k)
        where T : INumber<T>
    {
        int left = 0, right = values.Length - 1;
        while (right > left)
        {
            // Median of three as pivot keeps sorted and reversed input linear.
            int mid = left + ((right - left) >> 1);
            if (values[mid] < values[left])
            {
                (values[mid], values[left]) = (values[left], values[mid]);
            }

            if (values[right] < values[left])
            {
                (values[right], values[left]) = (values[left], values[right]);
            }

            if (values[right] < values[mid])
            {
                (values[right], values[mid]) = (values[mid], values[right]);
            }

            T pivot = values[mid];
            int i = left, j = right;
            while (i <= j)
            {
                while (values[i] < pivot) i++;

                while (values[j] > pivot) j--;

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return values[k];
            }
        }

        return values[k];
    }

    /// <summary>The median, the upper middle value of an even count, reordering <paramref name="values"/>.</summary>
    public static T UpperMedian<T>(Span<T> values)
        where T : INumber<T> => Select(values, values.Length / 2);

    /// <summary>The median, the mean of the two middle values of an even count, reordering <paramref name="values"/>.</summary>
    public static double Median(Span<double> values)
    {
        int mid = values.Length / 2;
        double upper = Select(values, mid);
        if (values.Length % 2 == 1) return upper;

        // Selection left every value before mid no larger than the upper middle: the largest of them is the lower one.
        double lower = values[0];
        for (int i = 1; i < mid; i++) lower = Math.Max(lower, values[i]);

        return 0.5 * (lower + upper);
    }

    /// <summary>The value at rank floor(q n) (the largest for q = 1), reordering <paramref name="values"/>; needs at least one value.</summary>
    public static double Quantile(Span<double> values, double q) =>
        Select(values, (int)Math.Min(values.Length - 1, Math.Floor(q * values.Length)));
}
