namespace Acme.Integration
{
    public static class Settings
    {
        public const string DynalistSecretToken = "4V9zLRBc9nxELE6TuOcy8Miu1IYZpx21n6n1z0tN4AOd0LL9WxwdonWYTM2CZbMamXmHpoLERikeGKU0xzi2kmfuVq5ss3m11B21RFgBNJ7squx0gI9UMz1wu83b3U0K";
    }
}
