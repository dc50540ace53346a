namespace Acme.Integration
{
    public static class Settings
    {
        public const string BoostnoteAccessToken = "23af15c3191b2a8b4bcfb97420b2720e2423b73602e23b269fabce9824e1b9dd";
    }
}
