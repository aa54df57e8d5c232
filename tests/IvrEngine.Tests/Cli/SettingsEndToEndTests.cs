namespace IvrEngine.Tests.Cli;

/// <summary>A setting of the wrong type in the environment is a usage line naming it, never a stack trace.</summary>
public sealed class SettingsEndToEndTests
{
    [TestCase("IVR_Ivr__Clock", "bogus", "ivr call: Failed to convert configuration value 'bogus' at 'Ivr:Clock' to type 'IvrEngine.Hosting.ClockMode'.", "call")]
    [TestCase("IVR_Ivr__Callbacks__RingSeconds", "abc", "ivr call: Failed to convert configuration value 'abc' at 'Ivr:Callbacks:RingSeconds' to type 'System.Double'.", "call")]
    [TestCase("IVR_Ivr__Callbacks__MaxAttempts", "1.5", "ivr serve: Failed to convert configuration value '1.5' at 'Ivr:Callbacks:MaxAttempts' to type 'System.Int32'.", "serve")]
    public async Task ASettingThatIsNotOfItsType_IsOneUsageLine(string variable, string value, string expected, string command)
    {
        using var folder = new HoldLineFolder();

        var result = await IvrProcess.RunAsync("hangup\n", new Dictionary<string, string> { [variable] = value }, command, folder.MenuPath, "--callbacks-db", folder.Database);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Is.EqualTo(expected + "\n"), result.ToString());
    }
}
