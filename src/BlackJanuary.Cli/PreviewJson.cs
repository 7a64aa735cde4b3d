using System.Text.Json.Serialization;

namespace BlackJanuary.Cli;

/// <summary>The JSON the dev server sends open tabs, written by generated code instead of reflection (the command can be compiled ahead of time).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(List<OverlayProblem>))]
internal sealed partial class PreviewJson : JsonSerializerContext;
