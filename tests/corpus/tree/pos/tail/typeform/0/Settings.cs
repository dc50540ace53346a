namespace Acme.Integration
{
    public static class Settings
    {
        public const string TypeformPersonalToken = "tfp_v8Me-dVWS2YiNoh2LW89xgw0eiGw-wO30PkVowA00zIJ_JnXu7vYIT1C1b4";
    }
}
