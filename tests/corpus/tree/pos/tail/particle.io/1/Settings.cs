namespace Acme.Integration
{
    public static class Settings
    {
        public const string ParticleIoAccessToken = "fb0dfe96dac449316b0878309776159918771cd7";
    }
}
