namespace Acme.Integration
{
    public static class Settings
    {
        public const string SplunkHecToken = "362cdfbf-a944-4f29-8906-f536325c1f13";
    }
}
