namespace Acme.Integration
{
    public static class Settings
    {
        public const string EtherscanApiKey = "DRMCNBMJR0X1HNGXGNF3ILXXWMFVG5CKK1";
    }
}
