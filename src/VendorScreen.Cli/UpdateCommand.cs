using System.CommandLine;

namespace VendorScreen.Cli;

/// <summary>The <c>vendorscreen update</c> command: fetches the configured remote lists into the cache.</summary>
internal static class UpdateCommand
{
    public static Command Create()
    {
        var command = new Command("update", "Fetch the configured remote lists into the cache (not yet available).");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("vendorscreen update: remote sources are not available in this build.");
            return 2;
        });
        return command;
    }
}
