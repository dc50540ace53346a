namespace Acme.Integration
{
    public static class Settings
    {
        public const string HumanityAccessToken = "ca95b8e447b85bdc90937526dbbd36fb7a13d193";
    }
}
