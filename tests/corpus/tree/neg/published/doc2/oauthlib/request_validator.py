            {
                'access_token': 'askfjh234as9sd8',
