namespace Acme.Integration
{
    public static class Settings
    {
        public const string RawgApiKey = "05d9247b596e07c92bcf83b87c07d51f";
    }
}
