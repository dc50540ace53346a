namespace Acme.Integration
{
    public static class Settings
    {
        public const string MondayApiToken = "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1ZmJXSjhDQnpwQmEiLCJpYXQiOjE3MDI0MjM0MzQsImp0aSI6IjA2NWY4NmIzLTMxNzctNDA4MS1iY2Y4LTY5NTliMzk4MzhiMCIsInNjb3BlIjoicmVhZCB3cml0ZSJ9.E0ewrWlnKJLMrEoPoiQhL0O46Us5yDrGabuHEcM5u9o";
    }
}
