namespace Acme.Integration
{
    public static class Settings
    {
        public const string AppointeddApiKey = "/v+lMlVGZzuArmLTzC1+zDnoK2wcZX6y0puUZm6vcgBf3T1Ht1Ct5I6FWwDY1/CRA7ykNE33NAFgiPhHfzdVkh4/";
    }
}
