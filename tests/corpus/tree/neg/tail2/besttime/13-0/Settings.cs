namespace Acme.Integration
{
    public static class Settings
    {
        public const string BesttimePublicKey = "pub_8ac8dcb3810bd4d1cd8bcaee7d2911da";
    }
}
