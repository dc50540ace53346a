namespace Acme.Integration
{
    public static class Settings
    {
        public const string OwlbotToken = "307e48e01b393eb7184e2a606b19f256a65b6f18";
    }
}
