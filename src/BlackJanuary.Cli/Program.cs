return BlackJanuary.Cli.App.Run(args, Console.Out, Console.Error);
