@echo off
rem cellfloor launcher for Windows (the cycler PCs), the twin of ./cellfloor: every subcommand goes through here.
rem Builds the runnable jars on first use (or when one is missing) with the Maven wrapper, then runs
rem java -jar cellfloor.jar with the arguments as given. Paths with spaces work, in the checkout and in arguments:
rem   cellfloor.cmd agent --config "C:\Cycler Data\station.yaml"
rem Set CELLFLOOR_JAVA_OPTS to change JVM options (default -Xmx2g) and JAVA_HOME to pick a JDK. No parenthesised
rem blocks below: a path such as "C:\Program Files (x86)" would end them early.
setlocal
set "ROOT=%~dp0"
if "%ROOT:~-1%"=="\" set "ROOT=%ROOT:~0,-1%"
set "JAR=%ROOT%\cli\target\cellfloor.jar"
set "REGISTRY=%ROOT%\registry-server\target\cellfloor-registry-runner.jar"
if not exist "%JAR%" goto build
if not exist "%REGISTRY%" goto build
goto run
:build
echo cellfloor: building the jars first (once; a few minutes on a fresh machine)... 1>&2
pushd "%ROOT%"
call mvnw.cmd -B -ntp -q -DskipTests package
set "BUILD=%ERRORLEVEL%"
popd
if not "%BUILD%"=="0" exit /b %BUILD%
:run
if not defined CELLFLOOR_JAVA_OPTS set "CELLFLOOR_JAVA_OPTS=-Xmx2g"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java.exe"
cd /d "%ROOT%"
"%JAVA%" %CELLFLOOR_JAVA_OPTS% "-Dcellfloor.registry.jar=%REGISTRY%" -jar "%JAR%" %*
exit /b %ERRORLEVEL%
