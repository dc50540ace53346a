$password = ConvertTo-SecureString "kRz=uuG^A9TPx4" -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential ("CORP\svc-backup", $password)
