return BlackJanuary.Cli.App.Run(args, Console.Out, Console.Error, BlackJanuary.Cli.Terminal.FromConsole());
