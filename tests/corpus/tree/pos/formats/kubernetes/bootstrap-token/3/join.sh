kubeadm join 10.0.0.10:6443 --token 13wxzz.mddubp0umqlduqjd \
  --discovery-token-ca-cert-hash sha256:279dc4758749220997b2c753e05fcf86b72070bf14926c990fed68df7f121c75
