#!/usr/bin/env bash
# Gradescope runs this once when it builds the autograder image: installs JDK 25 and git, and builds the
# grader (and Fray's instrumented JDK) from the course in source/course. Written by `kata package gradescope`.
set -euxo pipefail
apt-get update
apt-get install -y --no-install-recommends wget gpg ca-certificates git apt-transport-https
if [ ! -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  wget -qO - https://packages.adoptium.net/artifactory/api/gpg/key/public | gpg --dearmor >/usr/share/keyrings/adoptium.gpg
  echo "deb [signed-by=/usr/share/keyrings/adoptium.gpg] https://packages.adoptium.net/artifactory/deb $(. /etc/os-release; echo "$VERSION_CODENAME") main" \
    >/etc/apt/sources.list.d/adoptium.list
  apt-get update
  apt-get install -y temurin-25-jdk
fi
echo /usr/lib/jvm/temurin-25-jdk-amd64 >/autograder/source/java_home
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
cd /autograder/source/course
./mvnw -q -B package -DskipTests -pl src/grader -am
chmod +x /autograder/source/run_autograder
