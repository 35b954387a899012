using System.Resources;
using Microsoft.Extensions.Localization;

[assembly: NeutralResourcesLanguage("sv")]
[assembly: RootNamespace("Tillit.Web")]
