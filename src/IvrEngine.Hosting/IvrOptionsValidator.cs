using Microsoft.Extensions.Options;

namespace IvrEngine.Hosting;

/// <summary>Checks what data annotations cannot: that <see cref="IvrOptions.StartAt"/> is a time people can mean.</summary>
internal sealed class IvrOptionsValidator : IValidateOptions<IvrOptions>
{
    public ValidateOptionsResult Validate(string? name, IvrOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.StartAt)) return ValidateOptionsResult.Success;
        return Time.StartTimeParser.TryParse(options.StartAt, out _, out var error)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Ivr:StartAt: {error}");
    }
}
