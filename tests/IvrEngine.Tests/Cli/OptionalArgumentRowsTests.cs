using System.CommandLine;
using IvrEngine.Cli;

namespace IvrEngine.Tests.Cli;

/// <summary>
/// The command list of a help page, as System.CommandLine writes it and as <see cref="OptionalArgumentRows"/>
/// then marks it: optional arguments in brackets, descriptions kept in one column where the padding allows.
/// </summary>
public sealed class OptionalArgumentRowsTests
{
    private static string Help(RootCommand root)
    {
        var output = new StringWriter { NewLine = "\n" };
        root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = output, Error = TextWriter.Null });
        return OptionalArgumentRows.Rewrite(output.ToString(), root);
    }

    private static Command WithArguments(string name, string? description, params Argument[] arguments)
    {
        var command = new Command(name, description);
        foreach (var argument in arguments) command.Arguments.Add(argument);
        return command;
    }

    private static Argument<string?> Optional(string name) => new(name) { Arity = ArgumentArity.ZeroOrOne };

    [Test]
    public void AnOptionalArgument_IsBracketed_AndTheDescriptionKeepsItsColumn()
    {
        var root = new RootCommand("test")
        {
            WithArguments("call", "Call a menu.", Optional("MENU")),
            WithArguments("simulate", "Simulate load.", new Argument<string>("SCENARIO")),
        };

        var help = Help(root);

        Assert.That(help, Does.Contain("\n  call [<MENU>]        Call a menu.\n  simulate <SCENARIO>  Simulate load.\n"));
    }

    [Test]
    public void TheWidestRowMarked_KeepsATwoSpaceGutter()
    {
        var root = new RootCommand("test")
        {
            WithArguments("call", "Call a menu.", Optional("MENU")),
            WithArguments("go", "Go.", new Argument<string>("X")),
        };

        var help = Help(root);

        Assert.That(help, Does.Contain("\n  call [<MENU>]  Call a menu.\n  go <X>       Go.\n"));
    }

    [Test]
    public void ARequiredArgumentBeforeAnOptionalOne_StaysUnbracketed_AndTheHelpNameIsShown()
    {
        var root = new RootCommand("test")
        {
            WithArguments("diff", "Compare.", new Argument<string>("OLD"), new Argument<string?>("new") { Arity = ArgumentArity.ZeroOrOne, HelpName = "NEW" }),
            WithArguments("callbacks", "The callbacks."),
        };

        var help = Help(root);

        Assert.That(help, Does.Contain("\n  diff <OLD> [<NEW>]  Compare.\n  callbacks         The callbacks.\n"));
    }

    [Test]
    public void APageWithNoOptionalArguments_IsLeftAsWritten()
    {
        var root = new RootCommand("test") { WithArguments("validate", "Check.", new Argument<string>("FILE")) };
        var output = new StringWriter { NewLine = "\n" };
        root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = output });

        Assert.That(OptionalArgumentRows.Rewrite(output.ToString(), root), Is.EqualTo(output.ToString()));
    }
}
