namespace Acme.Integration
{
    public static class Settings
    {
        public const string SurveybotApiKey = "yoexHAug4rwtgT14m259aTE4xoAqatMLW3fmrOyZ";
    }
}
