namespace Acme.Integration
{
    public static class Settings
    {
        public const string ClarifaiPat = "d688f5aea6e403b779c89172ed9458f2";
    }
}
