namespace Acme.Integration
{
    public static class Settings
    {
        public const string SwiftypeAppSearchPrivateKey = "private-ahd1l7cz87rlewqbg3retpfo";
    }
}
