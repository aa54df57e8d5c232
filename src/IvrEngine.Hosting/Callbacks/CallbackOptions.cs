using System.ComponentModel.DataAnnotations;

namespace IvrEngine.Hosting.Callbacks;

/// <summary>Callback settings, from the <c>Ivr:Callbacks</c> section; validated at start.</summary>
public sealed class CallbackOptions : IValidatableObject
{
    public const string SectionName = "Ivr:Callbacks";

    /// <summary>
    /// Where promised callbacks are kept: a SQLite file, created on first use; or a PostgreSQL database
    /// several servers share, as a URL (<c>postgres://user:password@host:5432/ivr</c>) or a connection
    /// string (<c>Host=…;Username=…;Password=…;Database=…</c>), its tables created on first use.
    /// </summary>
    /// <value>The default value is <c>ivr-callbacks.db</c> in the current folder.</value>
    [Required(AllowEmptyStrings = false)]
    public string Database { get; set; } = "ivr-callbacks.db";

    /// <summary>How often the dialer looks for callbacks that are due.</summary>
    /// <value>The default value is 5 seconds.</value>
    [Range(0.1, 3600)]
    public double PollSeconds { get; set; } = 5;

    /// <summary>Dials per callback before it is marked failed (every one is recorded).</summary>
    /// <value>The default value is 3.</value>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The wait before the second dial; each later wait doubles (exponential backoff).</summary>
    /// <value>The default value is 120 seconds.</value>
    [Range(1, 86_400)]
    public double MinimumIntervalSeconds { get; set; } = 120;

    /// <summary>How long the callee's phone rings before the dial counts as unanswered.</summary>
    /// <value>The default value is 30 seconds.</value>
    [Range(1, 300)]
    public double RingSeconds { get; set; } = 30;

    /// <summary>The start of the calling window in the callee's local time (US rules: not before 08:00).</summary>
    /// <value>The default value is 8 (08:00).</value>
    [Range(0, 24)]
    public double CallingWindowStartHour { get; set; } = 8;

    /// <summary>The end of the calling window in the callee's local time (US rules: not after 21:00).</summary>
    /// <value>The default value is 21 (21:00).</value>
    [Range(0, 24)]
    public double CallingWindowEndHour { get; set; } = 21;

    /// <summary>The calling window these settings describe: the one rule the offers and the dialer share.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The window does not open before it closes (validation refuses that at start).</exception>
    public IvrEngine.Callbacks.CallingWindow CallingWindow() => IvrEngine.Callbacks.CallingWindow.FromHours(CallingWindowStartHour, CallingWindowEndHour);

    /// <summary>
    /// Added to a claim's worst case (every dial rings out, every backoff is waited) to make its lease:
    /// how long a callback whose dialer died stays claimed before another dialer may take it over.
    /// </summary>
    /// <value>The default value is 60 seconds.</value>
    [Range(0.1, 3600)]
    public double LeaseMarginSeconds { get; set; } = 60;

    /// <summary>Why <see cref="Database"/> names no usable PostgreSQL connection (in words without its password), or null.</summary>
    private string? DatabaseProblem()
    {
        if (!PostgresConnection.IsPostgres(Database)) return null;
        try
        {
            PostgresConnection.Parse(Database);
            return null;
        }
        catch (IvrEngine.Callbacks.CallbackStoreException exception)
        {
            return exception.Message;
        }
    }

    /// <summary>Simulation: the chance a callee answers a dial.</summary>
    /// <value>The default value is 0.8.</value>
    [Range(0, 1)]
    public double AnswerProbability { get; set; } = 0.8;

    /// <summary>Simulation: the chance a dial finds the line busy (the rest ring out unanswered).</summary>
    /// <value>The default value is 0.1.</value>
    [Range(0, 1)]
    public double BusyProbability { get; set; } = 0.1;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DatabaseProblem() is { } problem) yield return new ValidationResult($"{SectionName}:Database: {problem}", [nameof(Database)]);
        if (CallingWindowStartHour >= CallingWindowEndHour)
        {
            yield return new ValidationResult(
                $"{SectionName}:CallingWindowStartHour ({CallingWindowStartHour}) must be before {SectionName}:CallingWindowEndHour ({CallingWindowEndHour}): the window would never open.",
                [nameof(CallingWindowStartHour), nameof(CallingWindowEndHour)]);
        }
    }
}
