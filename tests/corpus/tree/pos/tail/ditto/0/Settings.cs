namespace Acme.Integration
{
    public static class Settings
    {
        public const string DittoApiKey = "8971bec0cc41d191ddb9083b691d3f0f.ac13f36e8997cd1db101cc959b70a7f2451cd450";
    }
}
