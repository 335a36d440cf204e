namespace EpochLens.Settings;

/// <summary>A setting a message points to, with the value to suggest for it where the message has one.</summary>
/// <param name="Setting">Which setting would settle it.</param>
/// <param name="Value">The value to give it, as text (e.g. "5039" or "'G_GAN'"); null where the message has none.</param>
public readonly record struct SettingHint(Setting Setting, string? Value = null)
{
    public static implicit operator SettingHint(Setting setting) => new(setting);
}
