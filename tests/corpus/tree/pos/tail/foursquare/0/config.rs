pub const FOURSQUARE_API_KEY: &str = "fsq3IipeXW162cyAqDBff9oE1mpbASvzen1IWSXIs1ROrcpD";
