using FsCheck.Xunit;

namespace BlackJanuary.Tests.Fuzz;

/// <summary>
/// An FsCheck property that runs <see cref="Cases"/> random cases: few by default, so that the
/// fuzz tests add seconds, not minutes, to every test run; many when asked for.
/// </summary>
/// <remarks>
/// A long run, 100,000 cases per property: the cheap properties take about 20 s in all, the
/// whole-load ones about 2 ms a case (a Release build is several times faster than Debug):
/// <code>
/// BJ_FUZZ_CASES=100000 dotnet test --project tests/BlackJanuary.Tests -c Release -- --filter-class 'BlackJanuary.Tests.Fuzz.ParserFuzzTests'
/// BJ_FUZZ_CASES=100000 dotnet test --project tests/BlackJanuary.Tests -c Release -- --filter-class 'BlackJanuary.Tests.Fuzz.LoadFuzzTests'
/// </code>
/// Running the built test program itself prints FsCheck's count for each property ("Ok, passed
/// 100000 tests."): <c>BJ_FUZZ_CASES=100000 tests/BlackJanuary.Tests/bin/Release/net10.0/BlackJanuary.Tests
/// -class BlackJanuary.Tests.Fuzz.LoadFuzzTests -showLiveOutput</c>. A failure prints the seed
/// (add <c>Replay = "seed,gamma"</c> to the attribute to run the same cases again) and the
/// smallest input FsCheck could shrink it to, as a C# literal for FuzzRegressionTests.
/// </remarks>
[AttributeUsage(AttributeTargets.Method)]
#pragma warning disable xUnit3003 // FsCheck's PropertyAttribute takes no source position to pass on.
public sealed class FuzzPropertyAttribute : PropertyAttribute
#pragma warning restore xUnit3003
{
    public const int DefaultCases = 200;

    public static int Cases { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("BJ_FUZZ_CASES"), out var n) && n > 0 ? n : DefaultCases;

    public FuzzPropertyAttribute()
    {
        MaxTest = Cases;
        // The input generators choose their own lengths; FsCheck's size only caps how many tokens
        // or bytes they put together.
        EndSize = 200;
    }
}
