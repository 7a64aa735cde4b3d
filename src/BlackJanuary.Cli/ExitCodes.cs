namespace BlackJanuary.Cli;

public static class ExitCodes
{
    public const int Ok = 0;
    public const int ContentErrors = 1;
    public const int Usage = 2;
    public const int InternalError = 3;
}
