namespace Acme.Integration
{
    public static class Settings
    {
        public const string HoneycombIngestKey = "hcaik_accrm75x7j7ub9wt6axge5vt9sl76z5frvzxi8dmplplaqixx6ugo9s9rx";
    }
}
