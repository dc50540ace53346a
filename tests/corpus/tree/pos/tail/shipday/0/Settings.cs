namespace Acme.Integration
{
    public static class Settings
    {
        public const string ShipdayApiKey = "jZRgadDsZO.S9YKrh2gFRJpptjGEHh9";
    }
}
