kubeadm join 10.0.0.10:6443 --token gm30kz.5yzcsgw644ykg7zb \
  --discovery-token-ca-cert-hash sha256:ad4f5f91353cb463df344a47327099c304580c66e6e1d735d1168963047516cd
