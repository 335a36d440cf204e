namespace EpochLens.Analysis.Periodicity;

/// <summary>Order statistics in place, without sorting.</summary>
internal static class Selection
{
    /// <summary>The k-th smallest value (0-based) of <paramref name="values"/>, which it reorders.</summary>
    public static double Select(Span<double> values, int k)
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

            double pivot = values[mid];
            int i = left, j = right;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

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

    /// <summary>The median (the upper one of an even count), reordering <paramref name="values"/>.</summary>
    public static double Median(Span<double> values) => Select(values, values.Length / 2);
}
