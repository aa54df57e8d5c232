return await IvrEngine.Cli.IvrCommandLine.InvokeAsync(args, Console.In, Console.Out, Console.Error, inputIsTerminal: !Console.IsInputRedirected, errorIsTerminal: !Console.IsErrorRedirected);
