namespace Acme.Integration
{
    public static class Settings
    {
        public const string GyazoAccessToken = "Ao2ZEn9ZQ8wqC99uGwD5TwS3ZAktuIMkgfWrsmSzJ5h";
    }
}
