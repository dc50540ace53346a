namespace Acme.Integration
{
    public static class Settings
    {
        public const string SettlemintApplicationAccessToken = "sm_aat_s4N8NSa4ZlFCXOgAB3yixzdHerakyMDL";
    }
}
