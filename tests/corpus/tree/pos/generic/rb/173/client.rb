class Client
  BILLING_SECRET = 'g0!!fdnxJx71@wRLZ=oPIxh5qFg'.freeze
end
