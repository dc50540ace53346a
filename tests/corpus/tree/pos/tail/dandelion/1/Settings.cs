namespace Acme.Integration
{
    public static class Settings
    {
        public const string DandelionToken = "ffa87e76b107dfe9bd31c92239a1f62f";
    }
}
